let lib = import ../../../lib; in
with lib.types;
{
  between = (numbers.between 0 100).description;
  betweenFloat = (numbers.between 0.5 1.5).description;
  nonnegative = numbers.nonnegative.description;
  positive = numbers.positive.description;
  number = number.description;
}
