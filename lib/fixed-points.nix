# Fixed points and extensible attribute sets (overlays).
# Needs nothing from lib, so default.nix can use it to build lib itself.
{ ... }:

rec {
  # fix :: (a -> a) -> a
  # The fixed point of a function: fix f = f (fix f).
  # Example: fix (self: { a = 1; b = self.a + 1; }) => { a = 1; b = 2; }
  fix = f: let x = f x; in x;

  # fix' :: (attrs -> attrs) -> attrs
  # fix, also recording the function as `__unfix__` in the result.
  # Example: (fix' (self: { a = 1; })).__unfix__ is the function
  fix' = f: let x = f x // { __unfix__ = f; }; in x;

  # converge :: (a -> a) -> a -> a
  # Apply f repeatedly until the value stops changing.
  # Example: converge (x: if x > 10 then x else x * 2) 1 => 16
  converge = f: x:
    let next = f x; in
    if next == x then x else converge f next;

  # extends :: (attrs -> attrs -> attrs) -> (attrs -> attrs) -> attrs -> attrs
  # Apply an overlay (final: prev: ...) to a function of `final`.
  # Example: fix (extends (final: prev: { b = prev.a + 1; }) (self: { a = 1; })) => { a = 1; b = 2; }
  extends = overlay: f: final:
    let prev = f final; in
    prev // overlay final prev;

  # composeExtensions :: overlay -> overlay -> overlay
  # One overlay applying the first, then the second on its result.
  # Example: composeExtensions (f: p: { a = 1; }) (f: p: { b = p.a; })
  composeExtensions = first: second: final: prev:
    let
      fromFirst = first final prev;
      prev' = prev // fromFirst;
    in
    fromFirst // second final prev';

  # composeManyExtensions :: [overlay] -> overlay
  # composeExtensions over a list of overlays (the empty overlay for []).
  # Example: composeManyExtensions [ o1 o2 o3 ]
  composeManyExtensions = overlays:
    builtins.foldl' (acc: o: composeExtensions acc o) (final: prev: { }) overlays;

  # makeExtensible :: (attrs -> attrs) -> attrs
  # A fixed point with an `extend` attribute taking an overlay.
  # Example: (makeExtensible (self: { a = 1; })).extend (final: prev: { b = 2; })
  makeExtensible = makeExtensibleWithCustomName "extend";

  # makeExtensibleWithCustomName :: string -> (attrs -> attrs) -> attrs
  # makeExtensible with the extension attribute named as given.
  makeExtensibleWithCustomName = extenderName: rattrs:
    fix' (self: rattrs self // {
      ${extenderName} = overlay: makeExtensibleWithCustomName extenderName (extends overlay rattrs);
    });

  # toExtension :: (attrs | (attrs -> attrs) | overlay) -> overlay
  # Turn an attribute set, a function of prev, or an overlay into an overlay.
  # Example: toExtension { a = 1; } final prev => { a = 1; }
  toExtension = f:
    if builtins.isFunction f then
      final: prev:
        let applied = f prev; in
        if builtins.isFunction applied then f final prev else applied
    else
      final: prev: f;
}
