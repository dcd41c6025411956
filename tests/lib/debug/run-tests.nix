let lib = import ../../../lib; in
lib.runTests {
  testPass = { expr = 1 + 1; expected = 2; };
  testFail = { expr = [ 1 ]; expected = [ 2 ]; };
  notATest = { expr = 1; expected = 2; };
  testAlsoFail = { expr = "a"; expected = "b"; };
}
