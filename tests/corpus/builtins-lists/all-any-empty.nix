[ (builtins.all (x: false) [ ]) (builtins.any (x: true) [ ]) ]
