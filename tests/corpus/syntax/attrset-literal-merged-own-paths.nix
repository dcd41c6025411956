# A literal merged into a path's set may bind one name through several paths.
{ s.b.x.max = 1; s.b = { w = 1; c.E = 2; c.U = 3; }; }
