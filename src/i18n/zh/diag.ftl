# 检查结果的显示：级别名称、最后一行的总结、计数。

level-error = 错误
level-warning = 警告
level-help = 怎么改
level-note = 说明
note-in-commit = 在提交 { $commit } 中

count-errors = { $count } 个错误
count-warnings = { $count } 个警告
what-files = 检查了 { $count } 个文件
what-commits = 检查了 { $count } 次提交

summary-ok = 通过：{ $what }，没有发现问题
summary-warnings = 警告：{ $what }，发现 { $warnings }
summary-errors = 错误：{ $what }，发现 { $errors }
summary-both = 错误：{ $what }，发现 { $errors }、{ $warnings }
