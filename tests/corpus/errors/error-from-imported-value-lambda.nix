let f = import ./helpers/fn.nix; in f { }
