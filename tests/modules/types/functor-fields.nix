let lib = import ../../../lib; in
with lib.types;
{
  list = { inherit ((listOf int).functor) name payload; wrapped = (listOf int).functor.wrapped.name; };
  enum = { inherit ((enum [ 1 2 ]).functor) name payload; };
  int = { inherit (int.functor) name payload wrapped; };
  sep = { inherit ((separatedString ":").functor) name payload; };
  sub = (submodule { }).functor.name;
  attrs = (attrsOf int).functor.name;
  either = map (t: t.name) (either int str).functor.wrapped;
}
