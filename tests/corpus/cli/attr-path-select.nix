# flags: --eval --strict -A a.b
{ a = { b = "selected"; c = throw "not evaluated"; }; }
