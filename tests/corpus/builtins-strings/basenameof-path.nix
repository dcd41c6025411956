baseNameOf ./dir/file.txt
