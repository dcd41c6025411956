dirOf ./dir/file.txt
