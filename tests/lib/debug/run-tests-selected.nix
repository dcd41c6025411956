let lib = import ../../../lib; in
lib.runTests {
  tests = [ "testB" "extra" ];
  testA = { expr = 1; expected = 2; };
  testB = { expr = 1; expected = 3; };
  extra = { expr = true; expected = false; };
}
