let lib = import ../../../lib; in
let r = lib.evalModules { modules = [ ]; }; in
{
  args = { inherit (r.options._module.args) internal; type = r.options._module.args.type.description; };
  check = { inherit (r.options._module.check) internal default; type = r.options._module.check.type.description; };
  freeform = { type = r.options._module.freeformType.type.description; };
  declarations = r.options._module.check.declarations;
  nestedInternal = (lib.evalModules { prefix = [ "sub" ]; modules = [ ]; }).options._module.args.internal;
}
