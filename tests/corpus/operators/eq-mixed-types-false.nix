[ (1 == "1") (null == false) ([ ] == { }) (true == 1) ("" == null) ]
