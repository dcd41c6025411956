let lib = import ../../../lib; in
lib.getExe { type = "derivation"; name = "hello-2.12"; pname = "hello"; outPath = "/nix/store/aaaa-hello"; }
