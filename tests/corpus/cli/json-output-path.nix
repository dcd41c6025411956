# flags: --eval --strict --json
./data/file.txt
