# flags: --eval
{ a = throw "not forced"; b = abort "nor this"; }
