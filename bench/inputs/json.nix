# toJSON and fromJSON round trips of big structures: a lock-file-like
# document of nested records, lists, strings needing escapes, ints, bools,
# nulls and a few exactly representable floats; parsed back, compared,
# transformed and re-serialised several times.
# Result: a few integers, a boolean and a short hash.
let
  inherit (builtins)
    attrNames foldl' fromJSON genList hashString length listToAttrs
    mapAttrs stringLength substring toJSON;
  str = toString;
  mod = a: b: a - a / b * b;

  node = i: {
    name = "node-${str i}";
    locked = {
      type = if mod i 3 == 0 then "github" else "path";
      owner = "owner${str (mod i 17)}";
      rev = substring 0 40 (hashString "sha1" (str i));
      lastModified = 1600000000 + i * 37;
      narHash = "sha256-${hashString "sha256" "n${str i}"}";
    };
    inputs = genList (j: "node-${str (mod (i * 7 + j) 3000)}") (mod i 5);
    flake = mod i 4 != 0;
    weight = if mod i 2 == 0 then 0.5 else 1.25;
    note = "line1\nline2\t\"quoted\" \\ back/slash ${str i}";
    extra = null;
  };

  doc = {
    version = 7;
    root = "node-0";
    nodes = listToAttrs (genList (i: { name = "node-${str i}"; value = node i; }) 5000);
    order = genList (i: "node-${str i}") 5000;
  };

  json1 = toJSON doc;
  parsed1 = fromJSON json1;
  roundTripOk = parsed1 == doc;

  # Transform the parsed document and round-trip it again, several times.
  bump = d: d // {
    version = d.version + 1;
    nodes = mapAttrs (n: v: v // {
      locked = v.locked // { lastModified = v.locked.lastModified + 1; };
      inputs = v.inputs ++ [ d.root ];
    }) d.nodes;
  };
  rounds = foldl' (d: _: fromJSON (toJSON (bump d))) parsed1 (genList (i: i) 8);
  json2 = toJSON rounds;

  # Many small documents, as when reading lots of little JSON files.
  small = genList (i: fromJSON ''{"a": ${str i}, "b": [1, 2, {"c": "x${str i}"}], "d": {"e": true, "f": null, "g": -${str i}}}'') 20000;
  smallSum = foldl' (acc: s: acc + s.a + s.d.g + (if s.d.e then 1 else 0) + length s.b) 0 small;
  smallJson = toJSON small;
in
{
  inherit roundTripOk smallSum;
  json1Length = stringLength json1;
  json2Length = stringLength json2;
  version = rounds.version;
  inputsOfLast = length rounds.nodes."node-4999".inputs;
  nodeCount = length (attrNames rounds.nodes);
  smallJsonLength = stringLength smallJson;
  hash = substring 0 16 (hashString "sha256" (json2 + smallJson));
}
