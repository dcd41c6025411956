let lib = import ../../../lib; in
{
  expr = lib.literalExpression "pkgs.foo";
  md = lib.literalMD "*text*";
}
