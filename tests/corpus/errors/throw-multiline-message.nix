# Further lines of an error message are indented under the first.
let f = x: throw "first line\nsecond\tline\n  third"; in f 1
