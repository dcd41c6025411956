assert ./p == ./q; 0
