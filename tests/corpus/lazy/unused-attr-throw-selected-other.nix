{ bad = throw "unused"; good = 2; }.good
