let boom = throw "unused"; x = 1; in x
