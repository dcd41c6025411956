{ a = { }; }.a.b.c or "fallback"
