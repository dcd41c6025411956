# Assertions with helpful messages.
{ lib }:

rec {
  # assertMsg :: bool -> string -> bool
  # True when the condition holds; otherwise throw the message.
  # Example: assert assertMsg (1 < 2) "math"; "ok" => "ok"
  assertMsg = cond: msg: cond || builtins.throw msg;

  # assertOneOf :: string -> a -> [a] -> bool
  # Assert that a value is one of the allowed ones.
  # Example: assertOneOf "color" "red" [ "red" "blue" ] => true
  assertOneOf = name: value: allowed:
    assertMsg (builtins.elem value allowed)
      "${name} must be one of ${lib.generators.toPretty { } allowed}, but is: ${lib.generators.toPretty { } value}";

  # assertEachOneOf :: string -> [a] -> [a] -> bool
  # Assert that every value of a list is one of the allowed ones.
  # Example: assertEachOneOf "colors" [ "red" ] [ "red" "blue" ] => true
  assertEachOneOf = name: values: allowed:
    assertMsg (builtins.all (v: builtins.elem v allowed) values)
      "each element in ${name} must be one of ${lib.generators.toPretty { } allowed}, but is: ${lib.generators.toPretty { } values}";
}
