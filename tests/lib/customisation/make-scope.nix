let lib = import ../../../lib; in
let
  scope = lib.customisation.makeScope lib.callPackageWith (self: { a = 1; b = self.callPackage ({ a }: { v = a + 1; }) { }; });
  scope2 = scope.overrideScope (final: prev: { a = 10; });
in
[ scope.b.v scope2.b.v (builtins.isFunction scope.packages) ]
