./dir + "suffix"
