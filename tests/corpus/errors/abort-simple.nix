abort "explicit abort"
