./dir + "/file"
