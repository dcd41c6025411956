[ (null == null) (null != null) ]
