/etc/../var/./x
