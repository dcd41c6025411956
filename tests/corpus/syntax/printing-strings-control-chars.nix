[ "bell\u{7}" (builtins.fromJSON ''"\u0007\u001b"'') ]
