assert __curPos == null; 0
