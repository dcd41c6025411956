{ x ? if a then b else c
