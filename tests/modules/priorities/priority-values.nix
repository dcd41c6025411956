let lib = import ../../../lib; in
{
  inherit (lib) defaultOverridePriority defaultOrderPriority;
  mkDefault = (lib.mkDefault null).priority;
  mkForce = (lib.mkForce null).priority;
  mkOptionDefault = (lib.mkOptionDefault null).priority;
  mkImageMediaOverride = (lib.mkImageMediaOverride null).priority;
  mkVMOverride = (lib.mkVMOverride null).priority;
  mkBefore = (lib.mkBefore null).priority;
  mkAfter = (lib.mkAfter null).priority;
  override = lib.mkOverride 12 "x";
  order = lib.mkOrder 3 "y";
}
