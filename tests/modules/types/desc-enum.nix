let lib = import ../../../lib; in
with lib.types;
{
  two = (enum [ "a" "b" ]).description;
  mixed = (enum [ "x" 1 true null ]).description;
  one = (enum [ "only" ]).description;
  oneInt = (enum [ 3 ]).description;
  empty = (enum [ ]).description;
  listOfEnum = (listOf (enum [ "a" "b" ])).description;
  listOfSingle = (listOf (enum [ "a" ])).description;
  nullEnum = (nullOr (enum [ "a" "b" ])).description;
  classes = map (t: t.descriptionClass) [ (enum [ ]) (enum [ 1 ]) (enum [ 1 2 ]) ];
}
