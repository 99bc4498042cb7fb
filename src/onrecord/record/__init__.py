"""Record stage: confidence and typo flags on the finished Article."""
