"a:" + toString ./p
