let lib = import ../../../lib; in
lib.options.scrubOptionValue {
  drv = { type = "derivation"; name = "thing"; outPath = "/nix/store/x"; };
  list = [ { _args = 1; keep = 2; } ];
  plain = 3;
}
