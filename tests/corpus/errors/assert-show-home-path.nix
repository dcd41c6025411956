# env: HOME=/home/u
assert ~/c == ./a/../b; 0
