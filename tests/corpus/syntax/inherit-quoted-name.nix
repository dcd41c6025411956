let s = { "x-y" = 5; }; in { inherit (s) "x-y"; }
