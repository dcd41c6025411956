# flags: --eval --strict -A '"a.b".c'
{ "a.b" = { c = "quoted"; }; }
