{
  here = __curPos;
}.here.line
