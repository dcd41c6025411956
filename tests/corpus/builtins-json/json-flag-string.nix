# flags: --eval --strict --json
"line\nbreak"
