# The full path of the attribute defined twice, through nested paths.
{ x.y = { z = 1; }; x.y.z = 2; }
