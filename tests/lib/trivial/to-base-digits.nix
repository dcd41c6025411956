let lib = import ../../../lib; in
[ (lib.toBaseDigits 2 6) (lib.toBaseDigits 10 0) (lib.toBaseDigits 10 1234) (lib.toBaseDigits 16 255) (lib.toBaseDigits 3 8) ]
