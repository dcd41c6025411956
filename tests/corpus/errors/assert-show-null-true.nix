assert null == true; 0
