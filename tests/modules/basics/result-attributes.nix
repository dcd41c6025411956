let lib = import ../../../lib; in
let r = lib.evalModules { modules = [ ]; }; in
{
  names = builtins.attrNames r;
  type = r._type;
  class = r.class;
  config = r.config;
  optionNames = builtins.attrNames r.options;
  moduleOptions = builtins.attrNames r.options._module;
  check = r._module.check;
  freeform = r._module.freeformType;
}
