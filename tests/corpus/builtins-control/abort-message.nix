abort "stopping here"
