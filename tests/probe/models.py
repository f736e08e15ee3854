from django.db import models


class TaskProbe(models.Model):
    token = models.CharField(max_length=64, unique=True)
    worker_pid = models.IntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.token
