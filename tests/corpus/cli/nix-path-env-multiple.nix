# env: NIX_PATH=a=./data:b=.
[ <a/file.txt> <b/data> ]
