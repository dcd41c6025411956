{ a = "x"; }.a or "" + "y"
