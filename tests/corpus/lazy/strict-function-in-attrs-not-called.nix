{ f = x: throw "never"; }
