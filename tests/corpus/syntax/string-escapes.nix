"tab:\t nl:\n cr:\r bs:\\ q:\" dollar:\$ other:\q"
