let s = { }; l = [ ]; in [ s s l l ]
